namespace SocialMonitor.Core.ContentSafety;

/// <summary>Azure AI Content Safety gave no usable answer (after the pipeline's retries); the message says why, never the text or a token.</summary>
public sealed class ContentSafetyException(string message, Exception? inner = null) : Exception(message, inner);
