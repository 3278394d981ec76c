namespace SocialMonitor.Core.Queues;

public sealed record FailedAttempt(string Queue, string BodyHash, int Attempts, DateTimeOffset LastAttemptAt, string LastError);
