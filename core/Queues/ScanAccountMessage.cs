namespace SocialMonitor.Core.Queues;

public sealed record ScanAccountMessage(string Account);
