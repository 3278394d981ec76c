using System.Text.Json;

namespace SocialMonitor.Core.Accounts;

/// <summary>
/// Reads and validates the accounts file (docs/architecture.md, "The accounts file"): the whole file is checked and every
/// problem is reported with its JSON path, in document order. The file is returned only when there is none.
/// </summary>
public static class AccountsFileReader
{
    public static AccountsFileReadResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (string.IsNullOrWhiteSpace(json))
        {
            return Failed("The file is empty; it must hold a JSON object with coordinator, locations and accounts.");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return Failed(InvalidJson(e));
        }
        using (document)
        {
            return new AccountsFileParser().Parse(document.RootElement);
        }
    }

    /// <summary>Reads the file at <paramref name="path"/>; a missing or unreadable file is a problem at <c>$</c>.</summary>
    public static AccountsFileReadResult ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return Failed($"'{path}' is a folder: give the accounts file itself (such as samples/accounts.json).");
        }
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Failed($"The accounts file '{path}' does not exist.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return Failed($"The accounts file '{path}' cannot be read: {e.Message}");
        }
        return Read(json);
    }

    private static AccountsFileReadResult Failed(string message) => new(null, [new AccountsFileProblem("$", message)], []);

    private static string InvalidJson(JsonException e) => $"The file is not valid JSON {Items.JsonErrorText.Describe(e)}.";
}
