"""augkit-pillike."""
