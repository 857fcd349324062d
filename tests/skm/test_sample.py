import pytest

from skm.sample import krejcie_morgan, sample_is_enough


@pytest.mark.parametrize(
    ("population", "sample"),
    [
        (1, 1),
        (10, 10),
        (50, 44),
        (100, 80),
        (300, 169),
        (1000, 278),
        (2000, 322),
        (6000, 361),
        (100_000, 383),
        (1_000_000, 384),
        (10**9, 384),
    ],
)
def test_krejcie_morgan_table(population, sample):
    assert krejcie_morgan(population) == sample


def test_krejcie_morgan_levels_off_near_384():
    assert krejcie_morgan(10**12) == 384
    sizes = [krejcie_morgan(n) for n in (10, 100, 1000, 10_000, 100_000)]
    assert sizes == sorted(sizes)


def test_sample_never_exceeds_the_population():
    for n in range(1, 200):
        assert krejcie_morgan(n) <= n


@pytest.mark.parametrize("population", [0, -1, -300])
def test_invalid_population_raises(population):
    with pytest.raises(ValueError, match="at least 1"):
        krejcie_morgan(population)


def test_sample_is_enough():
    assert sample_is_enough(169, 300)
    assert sample_is_enough(400, 300)
    assert not sample_is_enough(168, 300)
    assert not sample_is_enough(0, 50)
