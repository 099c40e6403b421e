"""Worker streams: fresh values every time workers start, reproducible for a seeded run.

The PyTorch rule is tested with a stand-in for ``torch.utils.data`` (torch itself is
tested in tests/test_torch_integration.py, marked ``integration``).
"""

from __future__ import annotations

import multiprocessing as mp
import subprocess
import sys
import types

import numpy as np
import pytest

import augkit
from augkit import random as ak_random
from augkit.multicore import WorkerPool

BATCH = np.zeros((16, 2, 2, 1), np.uint8) + 100


def _draws(aug):
    return aug(images=BATCH)[:, 0, 0, 0].tolist()


@pytest.fixture
def fake_torch(monkeypatch):
    """A ``torch`` in sys.modules whose ``get_worker_info()`` returns what the test sets."""
    state = types.SimpleNamespace(info=None)
    data = types.ModuleType("torch.utils.data")
    data.get_worker_info = lambda: state.info
    utils = types.ModuleType("torch.utils")
    utils.data = data
    torch = types.ModuleType("torch")
    torch.utils = utils
    for name, module in (("torch", torch), ("torch.utils", utils), ("torch.utils.data", data)):
        monkeypatch.setitem(sys.modules, name, module)
    return state


def _in_torch_worker(state, seed, aug):
    """Draws of *aug* as a DataLoader worker whose torch seed is *seed* sees them."""
    state.info = types.SimpleNamespace(id=0, seed=seed)
    try:
        return _draws(aug)
    finally:
        state.info = None


def test_torch_worker_key_is_the_worker_seed(fake_torch):
    assert ak_random.worker_key() is None
    fake_torch.info = types.SimpleNamespace(id=1, seed=12345)
    assert ak_random.worker_key() == (ak_random._TORCH_TAG, 12345)
    fake_torch.info = None
    assert ak_random.worker_key() is None


def test_torch_workers_of_a_new_epoch_draw_fresh_values_and_repeat_for_the_same_seed(fake_torch):
    main = _draws(augkit.get("Add", value=(-100, 100), seed=3))
    # worker 0 of epoch 0 and of epoch 1: torch draws a new base seed for each epoch
    epoch0 = _in_torch_worker(fake_torch, 1000, augkit.get("Add", value=(-100, 100), seed=3))
    epoch1 = _in_torch_worker(fake_torch, 2000, augkit.get("Add", value=(-100, 100), seed=3))
    again = _in_torch_worker(fake_torch, 1000, augkit.get("Add", value=(-100, 100), seed=3))
    assert epoch0 != epoch1
    assert epoch0 == again  # torch.manual_seed reproduces the worker seeds, hence the run
    assert main not in (epoch0, epoch1)


def test_torch_is_never_imported_by_augkit():
    code = ("import sys, numpy as np, augkit; augkit.get('Add', value=1)(image=np.zeros((2, 2), "
            "np.uint8)); augkit.random.worker_key(); print('torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_declared_index_wins_and_its_salt_separates_pool_starts():
    try:
        ak_random.set_worker_index(2)
        assert ak_random.worker_key() == (2,)
        ak_random.set_worker_index(2, salt=(7,))
        assert ak_random.worker_key() == (7, 2)
    finally:
        ak_random.set_worker_index(None)
    assert ak_random.worker_key() is None


EPOCHS_SCRIPT = """
import multiprocessing as mp, numpy as np, augkit
aug = augkit.get("Add", value=(-100, 100), seed=4)
def work(queue):
    queue.put(aug(images=np.zeros((8, 1, 1, 1), np.uint8) + 100)[:, 0, 0, 0].tolist())
if __name__ == "__main__":
    ctx = mp.get_context("{method}")
    epochs = []
    for _ in range(2):  # new workers for every epoch, as a DataLoader starts them
        queue = ctx.Queue()
        workers = [ctx.Process(target=work, args=(queue,)) for _ in range(2)]
        for w in workers:
            w.start()
        epochs.append(sorted(queue.get(timeout=60) for _ in workers))
        for w in workers:
            w.join(timeout=60)
    print(epochs)
"""


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_multiprocessing_pools_draw_fresh_values_per_start_and_repeat_per_run(tmp_path, method):
    script = tmp_path / "epochs.py"
    script.write_text(EPOCHS_SCRIPT.format(method=method))

    def run():
        return subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                              check=True, cwd=tmp_path).stdout

    first = run()
    epochs = eval(first)  # noqa: S307 - our own script's printed list
    assert epochs[0] != epochs[1]  # the second epoch is not the first one again
    assert all(a != b for a, b in epochs)  # the two workers of one epoch differ
    assert first == run()  # a seeded augmenter reproduces the whole run


def _forked_child(aug, queue):
    queue.put(_draws(aug))


def test_raw_forks_of_one_process_differ():
    aug = augkit.get("Add", value=(-100, 100), seed=8)
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    results = []
    for _ in range(2):  # one process after the other: the pids may even repeat
        proc = ctx.Process(target=_forked_child, args=(aug, queue))
        proc.start()
        results.append(queue.get(timeout=60))
        proc.join(timeout=60)
    assert results[0] != results[1]


def _unkeyed(_=None):
    return _draws(_POOL_AUG)


_POOL_AUG = augkit.get("Add", value=(-100, 100), seed=6)


def test_worker_pool_started_again_draws_fresh_values():
    runs = []
    for _ in range(2):
        with WorkerPool(1) as workers:
            runs.append(list(workers.map_tasks(_unkeyed, [()]))[0])
    assert runs[0] != runs[1]
