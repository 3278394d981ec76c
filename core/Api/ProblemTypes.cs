namespace SocialMonitor.Core.Api;

/// <summary>The stable <c>type</c>s of the API's problem details, each <c>urn:socialmonitor:problem:</c> and one of these.</summary>
public static class ProblemTypes
{
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not-found";
    public const string InvalidParameter = "invalid-parameter";
    public const string InvalidContinuationToken = "invalid-continuation-token";
    public const string InvalidBody = "invalid-body";
    public const string PreconditionRequired = "precondition-required";
    public const string PreconditionFailed = "precondition-failed";
    public const string InvalidTransition = "invalid-transition";
    public const string InternalError = "internal-error";
    public const string AntiForgery = "anti-forgery";

    public static readonly IReadOnlyList<string> All =
        [Unauthorized, Forbidden, NotFound, InvalidParameter, InvalidContinuationToken, InvalidBody, PreconditionRequired, PreconditionFailed, InvalidTransition, InternalError, AntiForgery];
}
