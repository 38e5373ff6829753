package corpus

// STUB — owned by the names helper; replaced by the real implementation.

func extractAttribution(a *Article) {}
