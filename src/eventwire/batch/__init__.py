"""Running the coder over many articles: read sources, code, deduplicate and store.

Takes: sources (files, folders, feeds, URLs) read by `ingest`, a `CoderSpec` and a `Store`.
Gives: stored articles, events and errors, with run statistics. `pipeline` is the local run
(`workers` code in processes, `writer` stores in input order), `watch` polls feeds on a
schedule, and `distributed` runs the same per-article coder on a Dask cluster into a Parquet
event `lake`.
"""
