"""``augkit.augmenters.weather``: imgaug's ``weather`` module, from the weather family.

imgaug's module held only augmenters. Every imgaug module name a family provides is a
module ``imgaug_<name>`` of its package, registered by ``plugin.py``'s
``augkit_modules`` hook, whose ``__all__`` lists imgaug's public names of that module.

Examples
--------
>>> from augkit import augmenters as iaa
>>> iaa.weather.Clouds is iaa.Clouds
True
"""

from augkit_weather.clouds import CloudLayer, Clouds, Fog
from augkit_weather.rain import Rain, RainLayer
from augkit_weather.snow import FastSnowyLandscape, Snowflakes, SnowflakesLayer

__all__ = ["CloudLayer", "Clouds", "FastSnowyLandscape", "Fog", "Rain", "RainLayer",
           "Snowflakes", "SnowflakesLayer"]
