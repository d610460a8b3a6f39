"""One module per input format. Single-document readers take bytes and return one article;
bulk readers (tabular, jsonl) are generators over a binary stream."""
