"""Comparison reports: what an analyst hands to an editor.

``config`` (what a report covers) → ``content`` (every number, from the stored results) →
``findings`` and ``methodology`` (sentences with n and uncertainty) → one of the formats:
``html`` (one self-contained file), ``pdf`` (WeasyPrint, charts drawn by ``svg``) and
``docx`` (python-docx). ``services`` saves configurations, share links and generation jobs.
"""
