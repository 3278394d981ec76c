namespace SocialMonitor.Core.Records;

/// <summary>Why a hold change was refused: the API answers 400, 403 or 404.</summary>
public enum LegalHoldRefusal
{
    Invalid,
    Forbidden,
    NotFound,
}
