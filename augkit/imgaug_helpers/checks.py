"""imgaug's type predicates and small utilities (``ia.is_single_integer`` and friends).

Examples
--------
>>> is_single_integer(3), is_single_integer(True), is_single_float(np.float32(1))
(True, False, True)
>>> list(flatten([1, [2, (3, [4])]]))
[1, 2, 3, 4]
"""

from __future__ import annotations

import numbers
import sys
import types
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np


def is_np_array(val: Any) -> bool:
    """Whether *val* is a numpy array (numpy scalars are not).

    Examples
    --------
    >>> is_np_array(np.zeros(2)), is_np_array(np.float32(1))
    (True, False)
    """
    return isinstance(val, np.ndarray)


def is_np_scalar(val: Any) -> bool:
    """Whether *val* is a numpy scalar such as ``np.uint8(1)``.

    Examples
    --------
    >>> is_np_scalar(np.uint8(1)), is_np_scalar(1)
    (True, False)
    """
    return isinstance(val, np.generic)


def is_single_integer(val: Any) -> bool:
    """Whether *val* is one integer (Python or numpy), bools excluded.

    Examples
    --------
    >>> is_single_integer(np.int16(2)), is_single_integer(2.0)
    (True, False)
    """
    return isinstance(val, numbers.Integral) and not isinstance(val, (bool, np.bool_))


def is_single_float(val: Any) -> bool:
    """Whether *val* is one real non-integer number (Python or numpy float).

    Examples
    --------
    >>> is_single_float(1.5), is_single_float(1)
    (True, False)
    """
    return (isinstance(val, numbers.Real) and not is_single_integer(val)
            and not isinstance(val, (bool, np.bool_)))


def is_single_number(val: Any) -> bool:
    """Whether *val* is one integer or float (not a bool).

    Examples
    --------
    >>> is_single_number(2), is_single_number("2")
    (True, False)
    """
    return is_single_integer(val) or is_single_float(val)


def is_single_bool(val: Any) -> bool:
    """Whether *val* is a Python bool (imgaug's check: ``type(val) is bool``).

    Examples
    --------
    >>> is_single_bool(True), is_single_bool(1)
    (True, False)
    """
    return type(val) is bool


def is_iterable(val: Any) -> bool:
    """Whether *val* is iterable (strings and arrays are).

    Examples
    --------
    >>> is_iterable([1]), is_iterable(1)
    (True, False)
    """
    return isinstance(val, Iterable)


def is_string(val: Any) -> bool:
    """Whether *val* is a str.

    Examples
    --------
    >>> is_string("a"), is_string(b"a")
    (True, False)
    """
    return isinstance(val, str)


def is_integer_array(val: Any) -> bool:
    """Whether *val* is a numpy array of an integer dtype (not bool).

    Examples
    --------
    >>> is_integer_array(np.zeros(1, np.uint8)), is_integer_array(np.zeros(1))
    (True, False)
    """
    return is_np_array(val) and issubclass(val.dtype.type, np.integer)


def is_float_array(val: Any) -> bool:
    """Whether *val* is a numpy array of a float dtype.

    Examples
    --------
    >>> is_float_array(np.zeros(1, np.float16)), is_float_array(np.zeros(1, int))
    (True, False)
    """
    return is_np_array(val) and issubclass(val.dtype.type, np.floating)


def is_callable(val: Any) -> bool:
    """Whether *val* can be called.

    Examples
    --------
    >>> is_callable(len), is_callable(3)
    (True, False)
    """
    return callable(val)


def is_generator(val: Any) -> bool:
    """Whether *val* is a generator (the object a ``yield`` function returns).

    Examples
    --------
    >>> is_generator(x for x in []), is_generator([])
    (True, False)
    """
    return isinstance(val, types.GeneratorType)


def flatten(nested_iterable: Any) -> Iterator[Any]:
    """Yield the items of nested lists and tuples, depth first.

    Anything else (also a str or an array) is one item.

    Examples
    --------
    >>> list(flatten([[1, 2], ("a", [np.int8(3)])]))
    [1, 2, 'a', np.int8(3)]
    """
    if not isinstance(nested_iterable, (list, tuple)):
        yield nested_iterable
        return
    for item in nested_iterable:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item


def caller_name() -> str:
    """Return the name of the function from which ``caller_name()`` is called.

    Examples
    --------
    >>> def where_am_i():
    ...     return caller_name()
    >>> where_am_i()
    'where_am_i'
    """
    return sys._getframe(1).f_code.co_name


def do_assert(condition: Any, message: str = "Assertion failed.") -> None:
    """Raise ``AssertionError(message)`` unless *condition* is true (even under ``-O``).

    Examples
    --------
    >>> do_assert(1 + 1 == 2)
    >>> do_assert(False, "no")
    Traceback (most recent call last):
    ...
    AssertionError: no
    """
    if not condition:
        raise AssertionError(str(message))
