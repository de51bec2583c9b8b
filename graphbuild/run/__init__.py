"""What runs the stages: the resources a build loads once, the worker pool and the Dask
cluster, the record cache and its JSON form, time limits, and the all-or-nothing output."""
