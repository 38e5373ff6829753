package corpus

// STUB — owned by the figures helper; replaced by the real implementation.

func extractFigures(a *Article) {}
