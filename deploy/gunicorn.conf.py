"""gunicorn settings for Parallax (`gunicorn -c deploy/gunicorn.conf.py parallax.wsgi`).

Every value can be overridden from the environment, so the same file serves a laptop and
a server: HOST, PORT, WEB_WORKERS, WEB_THREADS, WEB_CONNECTIONS, WEB_TIMEOUT.
"""

import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# Pages are short database reads; a few processes with a couple of threads each keep a
# 2-core machine busy without starving the task workers.
workers = int(os.environ.get("WEB_WORKERS", "3"))
threads = int(os.environ.get("WEB_THREADS", "2"))
# A process accepts a connection only while it holds fewer than threads + 1 (being
# answered, queued for a thread or kept alive): with gunicorn's default (1,000) a process
# whose threads are busy goes on accepting a burst of requests that then queue inside it
# while another process idles; left in the kernel's queue, they go to whichever is free.
# (50 users' first requests at once: p95 977 -> 719 ms, longest wait 2.9 -> 1.3 s;
# steady load unchanged; bench/README.md, issue 12 fifth round.)
worker_connections = int(os.environ.get("WEB_CONNECTIONS", str(threads + 1)))
timeout = int(os.environ.get("WEB_TIMEOUT", "30"))
graceful_timeout = 20
max_requests = 2000  # recycle a process now and then, so a slow leak never matters
max_requests_jitter = 200
# Django's own request log (parallax.request) carries timings; gunicorn adds no second one.
accesslog = None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
