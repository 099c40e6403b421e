"""Pool, augment_batches, BatchLoader and BackgroundAugmenter: order, seeds, failures."""

from __future__ import annotations

import os
import signal
import threading
import time

import numpy as np
import pytest

import augkit
from augkit.multicore import (
    BackgroundAugmenter,
    BatchLoader,
    LoaderError,
    Pool,
    WorkerDiedError,
    WorkerPool,
)

TIMEOUT = 30


def within(seconds, func, *args):
    """Run func in a thread; fail (instead of hanging) if it takes longer than seconds."""
    box = {}

    def target():
        try:
            box["value"] = func(*args)
        except BaseException as exc:  # handed to the test thread
            box["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s: hang"
    if "error" in box:
        raise box["error"]
    return box["value"]


def batches_of(values, size=2):
    return [augkit.Batch(images=np.full((size, 4, 5, 3), v, np.uint8), data={"id": v})
            for v in values]


def noisy():
    return augkit.Sequential([augkit.get("Affine", rotate=(-30, 30)),
                              augkit.get("Add", value=(-40, 40), per_channel=True)])


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still answers kill(0): look at its state.
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def boom(images, random_state, parents, hooks):
    raise ValueError("boom in the worker")


def slow(images, random_state, parents, hooks):
    time.sleep(0.3)
    return images


def test_map_batches_keeps_order_and_user_data():
    batches = batches_of(range(6))
    with augkit.get("Fliplr", p=1.0).pool(processes=2, seed=1) as pool:
        out = pool.map_batches(batches, timeout=TIMEOUT)
    assert [int(b.images_aug[0, 0, 0, 0]) for b in out] == list(range(6))
    assert all(o is b and o.data is b.data for o, b in zip(out, batches))


def test_seeded_pool_is_reproducible_and_independent_of_worker_count():
    def run(processes, seed):
        with noisy().pool(processes=processes, seed=seed) as pool:
            return [b.images_aug for b in pool.map_batches(batches_of([100] * 4),
                                                           timeout=TIMEOUT)]

    a, b, c = run(2, 7), run(1, 7), run(2, 8)
    assert all(np.array_equal(x, y) for x, y in zip(a, b))
    assert not all(np.array_equal(x, y) for x, y in zip(a, c))
    # Batches with the same input get distinct augmentations.
    assert not np.array_equal(a[0], a[1])


def test_unordered_and_chunked_imap_return_everything():
    with augkit.get("Fliplr", p=1.0).pool(processes=2) as pool:
        got = within(TIMEOUT, lambda: sorted(
            int(b.images_aug[0, 0, 0, 0])
            for b in pool.imap_batches_unordered(batches_of(range(7)), chunksize=2)))
        ordered = within(TIMEOUT, lambda: [
            int(a[0, 0, 0, 0]) for a in pool.imap_batches(
                (np.full((1, 3, 3, 3), v, np.uint8) for v in range(5)), chunksize=3)])
    assert got == list(range(7))
    assert ordered == list(range(5))


def test_worker_exception_reaches_the_caller_with_its_traceback():
    aug = augkit.Lambda(func_images=boom)
    with aug.pool(processes=2) as pool:
        with pytest.raises(ValueError, match="boom in the worker") as info:
            within(TIMEOUT, pool.map_batches, batches_of(range(3)))
    assert "def boom" in str(info.value.__cause__) or "boom" in str(info.value.__cause__)
    assert "Traceback" in str(info.value.__cause__)


def test_killed_worker_gives_an_error_not_a_hang():
    pool = augkit.Lambda(func_images=slow).pool(processes=2)

    def consume():
        results = pool.imap_batches(batches_of(range(8)))
        next(results)
        os.kill(pool._worker_pids()[0], signal.SIGKILL)
        return list(results)

    with pytest.raises(WorkerDiedError, match="died unexpectedly"):
        within(TIMEOUT, consume)
    pids = pool._worker_pids()
    pool.terminate()
    assert not any(alive(pid) for pid in pids)


def test_terminate_leaves_no_orphans():
    pool = augkit.Lambda(func_images=slow).pool(processes=2)
    results = pool.imap_batches(batches_of(range(6)))
    within(TIMEOUT, next, results)
    pids = pool._worker_pids()
    assert pids and all(alive(pid) for pid in pids)
    within(TIMEOUT, pool.terminate)
    assert not any(alive(pid) for pid in pids)


def test_ctrl_c_terminates_the_workers_and_workers_ignore_sigint():
    pool = augkit.get("Fliplr", p=1.0).pool(processes=2)
    pool.map_batches(batches_of(range(2)), timeout=TIMEOUT)  # workers start in this thread
    pids = pool._worker_pids()
    for pid in pids:  # a terminal's Ctrl-C reaches the workers too: they must survive it
        os.kill(pid, signal.SIGINT)
    time.sleep(0.2)
    assert all(alive(pid) for pid in pids)

    def interrupted():
        yield from batches_of(range(2))
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        within(TIMEOUT, lambda: list(pool.imap_batches(interrupted())))
    assert not any(alive(pid) for pid in pids)


def test_replacement_workers_get_fresh_indices():
    pool = Pool(augkit.Identity(), processes=1, maxtasksperchild=1)
    from augkit.multicore import _worker_index_and_pid

    try:
        futures = [pool.pool.submit(_worker_index_and_pid) for _ in range(3)]
        seen = [f.result(timeout=60) for f in futures]
    finally:
        pool.terminate()
    assert len({index for index, _ in seen}) == 3
    assert len({pid for _, pid in seen}) == 3


def test_augment_batches_in_the_background_keeps_order_and_forms():
    aug = augkit.get("Fliplr", p=1.0)
    arrays = [np.full((2, 3, 3, 3), v, np.uint8) for v in range(4)]
    out = within(TIMEOUT, lambda: list(aug.augment_batches(arrays, background=True)))
    assert [int(a[0, 0, 0, 0]) for a in out] == list(range(4))
    kps = [[augkit.KeypointsOnImage.from_xy_array(np.array([[0.5, 1.0]]), shape=(3, 3, 3))]]
    fg = list(aug.augment_batches(kps))
    assert np.allclose(fg[0][0].to_xy_array(), [[2.5, 1.0]])


def test_bounded_queues_keep_an_endless_loader_flat():
    produced = []

    def endless():
        i = 0
        while True:
            produced.append(i)
            yield augkit.Batch(images=np.full((1, 4, 4, 3), i % 256, np.uint8), data=i)
            i += 1

    loader = BatchLoader(endless, queue_size=3)
    bg = BackgroundAugmenter(loader, augkit.get("Fliplr", p=0.5), queue_size=2, nb_workers=1)
    try:
        ids = [within(TIMEOUT, bg.get_batch).data for _ in range(5)]
        time.sleep(0.5)
        assert ids == list(range(5))
        # loader queue + in-flight + result queue + the one being put: a small bound
        assert len(produced) <= 5 + 3 + 2 + 2 + 3
    finally:
        bg.terminate()
        loader.terminate()


def test_loader_and_worker_errors_reach_get_batch():
    def broken():
        yield augkit.Batch(images=np.zeros((1, 4, 4, 3), np.uint8))
        raise OSError("disk gone")

    loader = BatchLoader(broken)
    bg = BackgroundAugmenter(loader, augkit.Identity(), nb_workers=1)
    try:
        assert within(TIMEOUT, bg.get_batch) is not None
        with pytest.raises(LoaderError, match="disk gone"):
            within(TIMEOUT, bg.get_batch)
    finally:
        bg.terminate()
        loader.terminate()

    def fine():
        yield augkit.Batch(images=np.zeros((1, 4, 4, 3), np.uint8))

    loader = BatchLoader(fine, threaded=False)
    bg = BackgroundAugmenter(loader, augkit.Lambda(func_images=boom), nb_workers=1)
    try:
        with pytest.raises(ValueError, match="boom"):
            within(TIMEOUT, bg.get_batch)
    finally:
        bg.terminate()
        loader.terminate()


def test_bad_pool_arguments_are_named():
    aug = augkit.Identity()
    with pytest.raises(augkit.ParameterError, match="processes"):
        Pool(aug, processes=0)
    with pytest.raises(augkit.ParameterError, match="maxtasksperchild"):
        Pool(aug, maxtasksperchild=0)
    with pytest.raises(augkit.ParameterError, match="nb_workers"):
        BackgroundAugmenter(BatchLoader(lambda: iter(())), aug, nb_workers="many")


def test_workers_forked_after_opencv_ran_threads_do_not_hang():
    import cv2

    big = np.random.default_rng(0).integers(0, 255, (512, 512, 3), dtype=np.uint8)
    for _ in range(3):  # make OpenCV start its thread pool in this process
        cv2.GaussianBlur(big, (0, 0), 3.0)
        cv2.resize(big, (1024, 1024))
    aug = augkit.Sequential([augkit.get("GaussianBlur", sigma=2.0),
                             augkit.get("Affine", rotate=(-20, 20))])
    with aug.pool(processes=2, seed=3) as pool:
        out = within(TIMEOUT, pool.map_batches,
                     [np.zeros((2, 256, 256, 3), np.uint8) for _ in range(4)])
    assert len(out) == 4


# ---------------------------------------------------------------------------
# WorkerPool: the pool under Pool and `augkit augment`
# ---------------------------------------------------------------------------

_GREETING = None


def greet(text):
    global _GREETING
    _GREETING = text


def worker_state(delay=0.0):
    """What a task sees of its worker's setup."""
    import sys

    from augkit import random as ak_random

    time.sleep(delay)
    cv2 = sys.modules.get("cv2")
    return {"greeting": _GREETING, "index": ak_random._worker_index,
            "sigint_ignored": signal.getsignal(signal.SIGINT) == signal.SIG_IGN,
            "cv2_threads": cv2.getNumThreads() if cv2 is not None else 1, "pid": os.getpid()}


def crash(_):
    os.kill(os.getpid(), signal.SIGKILL)


def fail_on_init():
    raise RuntimeError("initializer failed")


def test_worker_pool_sets_every_worker_up_before_its_initializer():
    import cv2  # noqa: F401  (loaded: the workers must run it on one thread)

    with WorkerPool(2, initializer=greet, initargs=("hello",)) as workers:
        workers.start()
        pids = workers.pids()
        assert len(pids) == 2 and all(alive(pid) for pid in pids)
        states = list(workers.map_tasks(worker_state, [(0.2,)] * 4, ordered=False))
    assert {s["greeting"] for s in states} == {"hello"}
    assert all(s["sigint_ignored"] and s["cv2_threads"] == 1 for s in states)
    assert {s["index"] for s in states} <= {0, 1} and {s["pid"] for s in states} <= set(pids)
    assert not any(alive(pid) for pid in pids)  # joined at the end of the with block


def test_map_tasks_reads_tasks_lazily_and_bounds_those_in_flight():
    pulled = []

    def tasks():
        for i in range(20):
            pulled.append(i)
            yield (i, 10)

    with WorkerPool(2) as workers:
        results = workers.map_tasks(pow, tasks(), in_flight=3)
        assert next(results) == 0 and len(pulled) <= 4
        assert list(results) == [i ** 10 for i in range(1, 20)]


def test_stop_and_cancel_keep_the_tasks_already_running():
    with WorkerPool(1) as workers:
        results = workers.map_tasks(worker_state, [(0.2,)] * 10, ordered=False, in_flight=4)
        next(results)
        results.stop()  # no more tasks; the 3 submitted still come
        assert len(list(results)) == 3
        results = workers.map_tasks(worker_state, [(0.3,)] * 10, ordered=False, in_flight=6)
        next(results)
        results.cancel()  # tasks not yet handed to the worker are cancelled; the others come
        started = results.in_flight  # one running, at most two queued for the worker
        assert 1 <= started <= 3 and len(list(results)) == started


def test_an_error_of_the_task_iterable_comes_after_the_submitted_tasks():
    def tasks():
        yield (2, 3)
        yield (3, 2)
        raise OSError("disk gone")

    with WorkerPool(1) as workers:
        results = workers.map_tasks(pow, tasks())
        assert [next(results), next(results)] == [8, 9]
        with pytest.raises(OSError, match="disk gone"):
            next(results)


def test_a_dead_worker_is_an_error_not_a_hang():
    workers = WorkerPool(2).start()
    try:
        with pytest.raises(WorkerDiedError, match="died unexpectedly"):
            within(TIMEOUT, lambda: list(workers.map_tasks(crash, [(0,)])))
    finally:
        workers.terminate()
    with pytest.raises(WorkerDiedError, match="failed to start"):
        within(TIMEOUT, WorkerPool(1, initializer=fail_on_init).start)


def test_closing_a_worker_pool_reaps_every_worker_before_join_returns():
    # The executor's own thread reaps workers as they exit: join() must wait for it.
    import multiprocessing

    for _ in range(12):
        with WorkerPool(2) as pool:
            pool.start()
            assert len(list(pool.map_tasks(worker_state, [(), ()]))) == 2
        assert multiprocessing.active_children() == []


def _raise_unpicklable(_):
    # A class made in the worker: pickle cannot name it, whatever reducers are installed
    # (tblib, which dask installs, makes many exceptions picklable).
    class LocalError(Exception):
        pass

    raise LocalError("code 7: the detail")


def test_a_worker_exception_that_cannot_be_unpickled_arrives_as_text_not_as_a_death():
    with WorkerPool(1) as pool:
        results = pool.map_tasks(_raise_unpicklable, [(1,)])
        with pytest.raises(augkit.multicore.WorkerTaskError) as info:
            within(TIMEOUT, list, results)
    message = str(info.value)
    assert "LocalError" in message and "code 7: the detail" in message
    assert "killed" not in message
    assert "_raise_unpicklable" in str(info.value.__cause__)
