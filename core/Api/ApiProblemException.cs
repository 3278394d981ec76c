using Microsoft.AspNetCore.Http;

namespace SocialMonitor.Core.Api;

/// <summary>
/// An answer other than success, thrown by a handler and written as RFC 9457 problem details by <see cref="ApiRunner"/>.
/// <see cref="Type"/> is one of <see cref="ProblemTypes"/>: stable, so clients may branch on it.
/// </summary>
public sealed class ApiProblemException : Exception
{
    public ApiProblemException(int status, string type, string title, string detail)
        : base(detail)
    {
        Status = status;
        Type = type;
        Title = title;
    }

    public ApiProblemException()
        : this(StatusCodes.Status500InternalServerError, ProblemTypes.InternalError, "Internal error", "An unexpected error.")
    {
    }

    public ApiProblemException(string message)
        : this(StatusCodes.Status500InternalServerError, ProblemTypes.InternalError, "Internal error", message)
    {
    }

    public ApiProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = StatusCodes.Status500InternalServerError;
        Type = ProblemTypes.InternalError;
        Title = "Internal error";
    }

    public int Status { get; }
    public string Type { get; }
    public string Title { get; }

    public static ApiProblemException BadParameter(string parameter, string rule) =>
        new(StatusCodes.Status400BadRequest, ProblemTypes.InvalidParameter, "Invalid query parameter", $"Query parameter '{parameter}' {rule}.");

    public static ApiProblemException BadBody(string detail) =>
        new(StatusCodes.Status400BadRequest, ProblemTypes.InvalidBody, "Invalid request body", detail);

    public static ApiProblemException Forbidden(string detail) =>
        new(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "Forbidden", detail);

    public static ApiProblemException NotFound(string detail) =>
        new(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "Not found", detail);
}
