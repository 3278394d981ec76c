namespace SocialMonitor.Core.Notifications;

public sealed record HourlyMailSummary(int Digests, int Escalations, int Requeued);
