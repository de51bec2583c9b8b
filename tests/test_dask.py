"""The Dask build: the same graph as the local build, even when a worker dies."""

from __future__ import annotations

import os
import shutil
import signal
import time

import pytest

import graphbuild

from .conftest import SEEDS

distributed = pytest.importorskip("distributed", reason="make test installs dask[distributed]")


def _bytes(result):
    return result.to_turtle(), result.to_html(), result.to_graphml()


@pytest.fixture
def cluster():
    from distributed import Client, LocalCluster

    lc = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=50)
    client = Client(lc)
    try:
        yield lc, client
    finally:
        client.close()
        lc.close()


def test_dask_local_cluster_builds_the_seeds_like_the_local_build(seed_result):
    assert _bytes(graphbuild.build([SEEDS], dask="local:2")) == _bytes(seed_result)


def test_dask_local_cluster_is_always_shut_down():
    import psutil

    def cluster_processes():
        # multiprocessing's resource tracker lives as long as this process, by design.
        return [p for p in psutil.Process().children(recursive=True)
                if "resource_tracker" not in " ".join(p.cmdline())]

    before = cluster_processes()
    graphbuild.build([SEEDS], dask="local:2")
    deadline = time.monotonic() + 30
    while cluster_processes() != before and time.monotonic() < deadline:
        time.sleep(0.2)
    assert cluster_processes() == before


def test_dask_killing_a_worker_mid_build_gives_the_same_graph(cluster, tmp_path):
    _, client = cluster
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, corpus / seed.name)
    for i in range(30):
        (corpus / f"extra{i:02d}.txt").write_text(
            f"Vladimir Putin met Xi Jinping in Beijing on Monday, round {i}. Russia and China discussed trade.\n")
    expected = _bytes(graphbuild.build([corpus]))
    killed = []

    def kill_one(done, total, name):
        if not killed:  # after the first batch is back, while the others run
            pids = client.run(os.getpid)
            victim = sorted(pids)[0]
            os.kill(pids[victim], signal.SIGKILL)
            killed.append(victim)

    result = graphbuild.build([corpus], dask=client, progress=kill_one)
    assert killed
    assert _bytes(result) == expected


def test_dask_reads_fsspec_urls_and_reports_bad_files_like_locally(cluster, tmp_path):
    _, client = cluster
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 8)
    local = graphbuild.build([corpus])
    remote = graphbuild.build([f"file://{corpus}"], dask=client)
    assert _bytes(remote) == _bytes(local)
    reasons = sorted((os.path.basename(p), r) for p, r in remote.skipped)
    assert reasons == sorted((os.path.basename(p), r) for p, r in local.skipped)
    assert [name for name, _ in reasons] == ["binary.txt", "empty.txt"]


def test_dask_article_that_kills_its_worker_is_skipped_not_an_abort(tmp_path, monkeypatch):
    import dask

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(4):
        (corpus / f"a{i}.txt").write_text(f"Vladimir Putin met Xi Jinping in Beijing, round {i}.\n")
    # Every worker that touches a2.txt dies; the scheduler gives up on a task at once.
    monkeypatch.setenv("GRAPHBUILD_FAILPOINT", "dask-task:a2.txt")
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        result = graphbuild.build([corpus], dask="local:1")
    assert [os.path.basename(p) for p, _ in result.skipped] == ["a2.txt"]
    assert result.skipped[0][1].startswith("its Dask task failed: ")
    assert sorted(d.source_file for d in result.documents) == ["a0.txt", "a1.txt", "a3.txt"]


def test_dask_files_of_many_documents_give_the_local_graph_and_skips(cluster, tmp_path):
    from .formats import as_page, write_jsonl, write_rss, write_warc

    _, client = cluster
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    write_jsonl(corpus / "news.jsonl", [{"text": texts[0]}, "not json", {"text": texts[1]}, {"text": texts[0]}])
    write_rss(corpus / "feed.rss", [{"title": "Seed", "html": as_page(texts[2])}, {"title": "No body"}])
    write_warc(corpus / "crawl.warc.gz", [("response", "https://example.org/3", as_page(texts[3]).encode(), "text/html"),
                                          ("request", "https://example.org/3", b"", "text/html")])
    local = graphbuild.build([corpus], no_cache=True)
    remote = graphbuild.build([f"file://{corpus}"], dask=client)
    assert _bytes(remote) == _bytes(local)
    assert len(local.documents) == 4
    reasons = sorted((os.path.basename(p), r) for p, r in remote.skipped)
    assert reasons == sorted((os.path.basename(p), r) for p, r in local.skipped)
    assert [name for name, _ in reasons] == ["crawl.warc.gz", "feed.rss#2", "news.jsonl#L2", "news.jsonl#L4"]
