"""Seeding: reproducible runs, independent children, distinct workers, keyed sampling."""

from __future__ import annotations

import multiprocessing as mp
import subprocess
import sys

import numpy as np

import augkit

BATCH = np.stack([np.arange(12, dtype=np.uint8).reshape(3, 4)] * 64)

SCRIPT = """
import numpy as np, augkit
aug = augkit.Sequential([augkit.get("Fliplr", p=0.5), augkit.get("Add", value=(-50, 50))],
                        seed=11)
out = aug(images=np.zeros((32, 2, 2, 1), np.uint8) + 100)
print(out.sum(axis=(1, 2, 3)).tolist())
"""


def _run_script():
    return subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          check=True).stdout


def test_same_seed_same_results_across_processes():
    assert _run_script() == _run_script()


def _worker_output(aug, queue):
    queue.put(aug(images=BATCH).tolist())


def test_forked_workers_with_one_seed_draw_different_values():
    aug = augkit.get("Add", value=(-100, 100), seed=5)
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    workers = [ctx.Process(target=_worker_output, args=(aug, queue)) for _ in range(2)]
    for w in workers:
        w.start()
    results = [queue.get(timeout=60) for _ in workers]
    for w in workers:
        w.join(timeout=60)
    assert results[0] != results[1]
    assert aug(images=BATCH).tolist() not in results


def _indexed_worker(index, queue):
    augkit.random.set_worker_index(index)
    aug = augkit.get("Add", value=(-100, 100), seed=9)
    queue.put((index, aug(images=BATCH).tolist()))


def test_declared_worker_index_makes_workers_reproducible():
    ctx = mp.get_context("spawn")
    runs = []
    for _ in range(2):
        queue = ctx.Queue()
        procs = [ctx.Process(target=_indexed_worker, args=(i, queue)) for i in range(2)]
        for p in procs:
            p.start()
        runs.append(dict(queue.get(timeout=120) for _ in procs))
        for p in procs:
            p.join(timeout=60)
    assert runs[0] == runs[1]
    assert runs[0][0] != runs[0][1]


def test_global_seed_makes_unseeded_augmenters_reproducible():
    outputs = []
    for _ in range(2):
        augkit.seed(123)
        aug = augkit.get("Add", value=(-100, 100))
        outputs.append(aug(images=BATCH).tolist())
    augkit.seed(None)
    assert outputs[0] == outputs[1]


def test_children_streams_do_not_shift_when_a_child_is_appended():
    def first_child_output(extra):
        children = [augkit.get("Add", value=(-100, 100))] + extra
        seq = augkit.Sequential(children, seed=4)
        return seq.children[0](images=BATCH).tolist()

    assert first_child_output([]) == first_child_output([augkit.get("Fliplr")])


def test_children_draw_independent_values():
    seq = augkit.Sequential([augkit.get("Add", value=(-100, 100)) for _ in range(2)], seed=4)
    a, b = (child(images=BATCH).tolist() for child in seq.children)
    assert a != b


def test_to_deterministic_repeats_and_new_copies_differ():
    aug = augkit.get("Add", value=(-100, 100), seed=2)
    det = aug.to_deterministic()
    assert det(images=BATCH).tolist() == det(images=BATCH).tolist()
    assert aug.to_deterministic()(images=BATCH).tolist() != det(images=BATCH).tolist()


def test_keyed_sampling_depends_on_seed_and_key_only():
    aug = augkit.get("Add", value=(-100, 100), seed=6)
    other = augkit.get("Add", value=(-100, 100), seed=6)
    aug(images=BATCH)  # advancing the stream must not matter
    image = BATCH[0] + 100
    assert np.array_equal(aug(image=image, key=(3, 17)), other(image=image, key=(3, 17)))
    outs = {int(aug(image=image, key=(3, k)).sum()) for k in range(20)}
    assert len(outs) > 10


def test_keyed_sampling_rejects_bad_keys():
    import pytest

    from augkit.errors import ParameterTypeError

    with pytest.raises(ParameterTypeError, match="key"):
        augkit.get("Add")(image=BATCH[0], key=1.5)


def test_seed_accepts_generators_and_rejects_junk():
    import pytest

    from augkit.errors import ParameterTypeError

    augkit.get("Add", seed=np.random.default_rng(1))
    with pytest.raises(ParameterTypeError, match="seed"):
        augkit.get("Add", seed="abc")
