namespace SocialMonitor.Core.Queues;

/// <summary>The queues (constants: the triggers name them), and their poison queues.</summary>
public static class QueueNames
{
    public const string ScanAccount = "scan-account";
    public const string EvaluateItem = "evaluate-item";
    public const string Notify = "notify";
    public const string SendEmail = "send-email";

    public const string PoisonSuffix = "-poison";
    public const string ScanAccountPoison = ScanAccount + PoisonSuffix;
    public const string EvaluateItemPoison = EvaluateItem + PoisonSuffix;
    public const string NotifyPoison = Notify + PoisonSuffix;
    public const string SendEmailPoison = SendEmail + PoisonSuffix;

    public static readonly IReadOnlyList<string> All = [ScanAccount, EvaluateItem, Notify, SendEmail];

    /// <summary>Attempts before the host (and <c>socialmonitor work</c>) moves a message to its poison queue.</summary>
    public const int MaxDequeueCount = 5;
}
