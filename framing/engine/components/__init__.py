"""The pipeline's components, one module per layer, in the order ``pipeline.COMPONENTS``
runs them. Each reads the layers before it from the ``Doc`` and adds its own; the logic
stays in the engine's modules (``quotes``, ``speaker_context``, ``actors``, ``tagger`` …),
which keep their plain-function APIs. Nothing is imported here, so a module of the engine
can import one component without loading the others."""
