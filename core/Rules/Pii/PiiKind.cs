namespace SocialMonitor.Core.Rules.Pii;

internal enum PiiKind
{
    Phone,
    Email,
    Address,
    LibraryCard,
    Ssn,
    PaymentCard,
}
