using SocialMonitor.Core.Accounts;

namespace SocialMonitor.Core.Notifications;

/// <summary>Who hears of a finding and how: <see cref="NotifyPreferences.Immediate"/> or <see cref="NotifyPreferences.Digest"/>.</summary>
public sealed record Route(Person Person, string Delivery);
