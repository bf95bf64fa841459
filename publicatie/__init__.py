"""The publication gate: nothing goes live in any channel unless it passes.

``evaluate_publication_gate(page=...)`` runs every registered gate check on a
product (a draft or a revision's content) and returns one verdict. The
publication paths (``ProductPage.publish``, the admin hooks, the workflow
task, the copy guard) only call it.
"""
