"""Throughput benchmarks of augkit against albumentations (not run by CI)."""
