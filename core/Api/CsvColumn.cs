namespace SocialMonitor.Core.Api;

/// <summary>One column of a list's CSV form: its header and how a row's cell is written.</summary>
public sealed record CsvColumn<T>(string Header, Func<T, string?> Value);
