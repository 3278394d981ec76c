namespace SocialMonitor.Core.Records;

/// <summary>A records query that names something the registry does not hold (a location, account or platform); <see cref="Parameter"/> says which filter.</summary>
public sealed class RecordsQueryException : Exception
{
    public RecordsQueryException(string parameter, string message) : base($"{parameter}: {message}") => Parameter = parameter;

    public RecordsQueryException()
    {
    }

    public RecordsQueryException(string message) : base(message)
    {
    }

    public RecordsQueryException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public string Parameter { get; } = "";
}
