namespace SocialMonitor.Core.Queues;

public sealed record NotifyMessage(string Location, string FindingId);
