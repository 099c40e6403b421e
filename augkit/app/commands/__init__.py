"""The sub-commands of ``augkit``: one module each, each with ``add_parser(subparsers)``.

:mod:`augkit.app.cli` only assembles them.
"""
