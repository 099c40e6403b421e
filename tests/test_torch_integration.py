"""augkit in real PyTorch DataLoader workers (``make test-integration``; skipped without torch)."""

from __future__ import annotations

import numpy as np
import pytest

import augkit

torch = pytest.importorskip("torch")
from torch.utils.data import DataLoader, DistributedSampler  # noqa: E402

from augkit.torch import AugmentedDataset, KeyedSampler, worker_init_fn  # noqa: E402

pytestmark = pytest.mark.integration

N = 32
IMAGES = [np.full((1, 1, 1), 100, np.uint8) for _ in range(N)]


def _values(loader):
    return [int(x) for batch in loader for x in batch.flatten()]


def _loader(method="fork", seed=None, **options):
    aug = augkit.get("Add", value=(-100, 100), seed=seed)
    return DataLoader(AugmentedDataset(IMAGES, aug), batch_size=4, num_workers=2,
                      multiprocessing_context=method, **options)


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_every_epoch_draws_fresh_values_seeded_or_not(method):
    for seed in (None, 3):
        loader = _loader(method, seed)
        epochs = [_values(loader) for _ in range(2)]
        assert epochs[0] != epochs[1]
        assert len(set(epochs[0])) > N // 2  # the workers do not repeat each other


def test_torch_manual_seed_reproduces_the_epochs():
    runs = []
    for _ in range(2):
        torch.manual_seed(7)
        loader = _loader(seed=3)
        runs.append([_values(loader) for _ in range(2)])
    assert runs[0] == runs[1]


def _keyed_epochs(num_workers, persistent, epochs=2):
    aug = augkit.get("Add", value=(-100, 100), seed=5)
    sampler = KeyedSampler(range(N))
    loader = DataLoader(AugmentedDataset(IMAGES, aug), batch_size=4, sampler=sampler,
                        num_workers=num_workers, persistent_workers=persistent)
    return [_values(loader) for _ in range(epochs)]


def test_keyed_sampler_reaches_persistent_workers_and_ignores_the_worker_count():
    persistent = _keyed_epochs(2, persistent=True)
    assert persistent[0] != persistent[1]  # the epoch reached the persistent workers
    assert persistent == _keyed_epochs(0, persistent=False)
    assert persistent == _keyed_epochs(1, persistent=False)


def test_keyed_sampler_wraps_distributed_sampler_and_sets_its_epoch():
    dataset = list(range(10))
    inner = DistributedSampler(dataset, num_replicas=2, rank=0, shuffle=True, seed=1)
    sampler = KeyedSampler(inner)
    first, second = list(sampler), list(sampler)
    assert [e for e, _ in first] == [0] * 5 and [e for e, _ in second] == [1] * 5
    inner.set_epoch(1)
    assert [i for _, i in second] == [int(i) for i in inner]  # its shuffle follows the epoch


class _Threads(torch.utils.data.Dataset):
    def __len__(self):
        return 2

    def __getitem__(self, index):
        import cv2

        return cv2.getNumThreads()


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_worker_init_fn_runs_opencv_on_one_thread(method):
    import cv2

    big = np.zeros((512, 512, 3), np.uint8)
    cv2.GaussianBlur(big, (0, 0), 3.0)  # OpenCV's thread pool runs in this process
    threads = cv2.getNumThreads()
    dataset = _Threads() if method == "fork" else AugmentedDataset(IMAGES, augkit.Identity())
    loader = DataLoader(dataset, num_workers=2, worker_init_fn=worker_init_fn,
                        multiprocessing_context=method)
    if method == "fork":
        assert [int(x) for x in loader] == [1, 1]
    else:
        assert len(_values(loader)) == N
    assert cv2.getNumThreads() == threads  # this process keeps its own count


def test_a_torch_tensor_comes_back_as_a_tensor():
    image = torch.arange(2 * 3 * 3, dtype=torch.uint8).reshape(2, 3, 3)
    aug = augkit.get("Fliplr", p=1.0)
    out = aug(image=image)
    assert isinstance(out, torch.Tensor) and torch.equal(out, image.flip(1))
    batch = aug(images=torch.stack([image, image]))
    assert isinstance(batch, torch.Tensor) and batch.shape == (2, 2, 3, 3)
    listed = aug(images=[image, image.numpy()])
    assert isinstance(listed[0], torch.Tensor) and isinstance(listed[1], np.ndarray)
    chw = augkit.Sequential([aug, augkit.get("Normalize", mean=0, std=1), augkit.get("ToCHW")])
    model_input = chw(image=image)
    assert isinstance(model_input, torch.Tensor) and model_input.dtype == torch.float32
    assert model_input.shape == (3, 2, 3)


def test_augmented_dataset_of_dicts_with_boxes_and_labels():
    sample = {"image": np.zeros((20, 40, 3), np.uint8), "bbox_format": "coco",
              "bounding_boxes": np.array([[-5, 0, 10, 10], [50, 0, 5, 5]], np.float32),
              "labels": {"cls": np.array([4, 9])}}
    data = AugmentedDataset([sample], augkit.Identity())
    out = data[(0, 0)]
    assert out["bounding_boxes"].tolist() == [[0, 0, 5, 10]] and out["bbox_format"] == "coco"
    assert out["labels"]["cls"].tolist() == [4] and out["image"].shape == (20, 40, 3)


def test_the_docstring_examples_of_augkit_torch_run():
    import doctest

    import augkit.torch

    failures, tried = doctest.testmod(augkit.torch, optionflags=doctest.ELLIPSIS)
    assert tried > 5 and failures == 0
