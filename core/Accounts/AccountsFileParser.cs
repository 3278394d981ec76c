using System.Globalization;
using System.Text.Json;
using SocialMonitor.Core.Queues;

namespace SocialMonitor.Core.Accounts;

/// <summary>One walk over a parsed accounts file in document order, collecting every problem on the way.</summary>
internal sealed class AccountsFileParser
{
    private static readonly string[] RootFields = ["coordinator", "locations", "accounts"];
    private static readonly string[] PersonFields = ["name", "email", "objectId", "notify", "digestHour"];
    private static readonly string[] PersonRequired = ["name", "email"];
    private static readonly string[] LocationFields = ["id", "name", "managers"];
    private static readonly string[] AccountFields = ["id", "platform", "platformId", "handle", "location", "token", "refreshToken", "approvedBy", "approvedOn", "use"];
    private static readonly string[] AccountRequired = ["id", "platform", "platformId", "location", "token"];
    private static readonly string[] Severities = ["critical", "high", "medium", "low"];
    private static readonly string[] Channels = [NotifyPreferences.Immediate, NotifyPreferences.Digest, NotifyPreferences.None];

    private readonly List<AccountsFileProblem> _problems = [];
    private readonly List<ManagerCountWarning> _warnings = [];
    private readonly Dictionary<string, string> _locationIdPaths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _accountIdPaths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Person Person, string Path)> _people = new(StringComparer.OrdinalIgnoreCase);
    private List<string>? _declaredLocationIds;

    public AccountsFileReadResult Parse(JsonElement root)
    {
        _declaredLocationIds = DeclaredLocationIds(root);
        var file = ReadRoot(root);
        return new AccountsFileReadResult(file, _problems, _warnings);
    }

    private AccountsFile? ReadRoot(JsonElement root)
    {
        Person? coordinator = null;
        List<Location>? locations = null;
        List<Account>? accounts = null;
        var read = ReadObject(root, "$", RootFields, RootFields, (field, value, path) =>
        {
            switch (field)
            {
                case "coordinator":
                    coordinator = ReadPerson(value, path, null);
                    break;
                case "locations":
                    locations = ReadArray(value, path, ReadLocation);
                    break;
                case "accounts":
                    accounts = ReadArray(value, path, ReadAccount);
                    break;
            }
        });
        return read && coordinator is not null && locations is not null && accounts is not null
            ? new AccountsFile(coordinator, locations, accounts)
            : null;
    }

    private Person? ReadPerson(JsonElement element, string path, Dictionary<string, string>? emailsOfLocation)
    {
        var before = _problems.Count;
        string? name = null;
        string? email = null;
        string? objectId = null;
        var notify = NotifyPreferences.Default;
        var digestHour = 8;
        var read = ReadObject(element, path, PersonFields, PersonRequired, (field, value, fieldPath) =>
        {
            switch (field)
            {
                case "name":
                    name = Text(value, fieldPath);
                    break;
                case "email":
                    email = Email(value, fieldPath);
                    if (email is not null && emailsOfLocation is not null && !emailsOfLocation.TryAdd(email, fieldPath))
                    {
                        Add(fieldPath, $"'{email}' is already a manager of this location, at {emailsOfLocation[email]}.");
                    }
                    break;
                case "objectId":
                    objectId = ObjectId(value, fieldPath);
                    break;
                case "notify":
                    notify = ReadNotify(value, fieldPath) ?? notify;
                    break;
                case "digestHour":
                    digestHour = DigestHour(value, fieldPath) ?? digestHour;
                    break;
            }
        });
        if (!read || _problems.Count > before || name is null || email is null)
        {
            return null;
        }
        var person = new Person { Name = name, Email = email, ObjectId = objectId, Notify = notify, DigestHour = digestHour };
        return SameEverywhere(person, path) ? person : null;
    }

    /// <summary>A person (by email) who appears again must have the same name and preferences; the later occurrence is the error.</summary>
    private bool SameEverywhere(Person person, string path)
    {
        if (!_people.TryGetValue(person.Email, out var first))
        {
            _people.Add(person.Email, (person, path));
            return true;
        }
        var differences = new List<string>();
        if (!string.Equals(first.Person.Name, person.Name, StringComparison.Ordinal))
        {
            differences.Add("name");
        }
        if (first.Person.Notify != person.Notify)
        {
            differences.Add("notify");
        }
        if (first.Person.DigestHour != person.DigestHour)
        {
            differences.Add("digestHour");
        }
        if (differences.Count == 0)
        {
            return true;
        }
        Add(path, $"'{person.Email}' also appears at {first.Path} with a different {string.Join(" and ", differences)}; "
            + "a person must have the same name, notify and digestHour everywhere.");
        return false;
    }

    private NotifyPreferences? ReadNotify(JsonElement element, string path)
    {
        var before = _problems.Count;
        var channels = new Dictionary<string, string>(StringComparer.Ordinal);
        var read = ReadObject(element, path, Severities, [], (severity, value, fieldPath) =>
        {
            if (!Expect(value, JsonValueKind.String, fieldPath))
            {
                return;
            }
            var channel = value.GetString()!;
            if (Channels.Contains(channel, StringComparer.Ordinal))
            {
                channels[severity] = channel;
            }
            else
            {
                Add(fieldPath, $"Must be {string.Join(", ", Channels)}; it is {Shown(channel)}.");
            }
        });
        if (!read || _problems.Count > before)
        {
            return null;
        }
        var defaults = NotifyPreferences.Default;
        return new NotifyPreferences(
            channels.GetValueOrDefault("critical", defaults.Critical),
            channels.GetValueOrDefault("high", defaults.High),
            channels.GetValueOrDefault("medium", defaults.Medium),
            channels.GetValueOrDefault("low", defaults.Low));
    }

    private int? DigestHour(JsonElement value, string path)
    {
        const string Expected = "Must be a whole number from 0 to 23 (the local hour of the digest)";
        if (value.ValueKind != JsonValueKind.Number)
        {
            Add(path, $"{Expected}; it is {Describe(value.ValueKind)}.");
            return null;
        }
        if (value.TryGetInt32(out var hour) && hour is >= 0 and <= 23)
        {
            return hour;
        }
        Add(path, $"{Expected}; it is {value.GetRawText()}.");
        return null;
    }

    private string? ObjectId(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            Add(path, $"Must be a string or null; it is {Describe(value.ValueKind)}.");
            return null;
        }
        var objectId = value.GetString()!;
        if (!Guid.TryParseExact(objectId, "D", out _))
        {
            Add(path, $"Must be an Entra ID object id (a GUID such as 00000000-0000-0000-0000-000000000000) or null; it is {Shown(objectId)}.");
        }
        return objectId;
    }

    private Location? ReadLocation(JsonElement element, string path)
    {
        var before = _problems.Count;
        string? id = null;
        string? name = null;
        List<Person>? managers = null;
        var emails = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var read = ReadObject(element, path, LocationFields, LocationFields, (field, value, fieldPath) =>
        {
            switch (field)
            {
                case "id":
                    id = UniqueSlug(value, fieldPath, _locationIdPaths, "location");
                    if (id == Locations.District)
                    {
                        // The district's own findings (the monitor's faults) are filed there, for the coordinator only.
                        Add(fieldPath, $"The location id '{id}' is reserved for the district-wide findings, which only the coordinator sees: " +
                            "name the location otherwise (accounts that speak for the whole district belong to a location such as 'administration').");
                        id = null;
                    }
                    break;
                case "name":
                    name = Text(value, fieldPath);
                    break;
                case "managers":
                    managers = ReadArray(value, fieldPath, (manager, managerPath) => ReadPerson(manager, managerPath, emails));
                    break;
            }
        });
        if (!read || _problems.Count > before || id is null || name is null || managers is null)
        {
            return null;
        }
        if (managers.Count is 0 or > 3)
        {
            _warnings.Add(new ManagerCountWarning(id, managers.Count));
        }
        return new Location(id, name, managers);
    }

    private Account? ReadAccount(JsonElement element, string path)
    {
        var before = _problems.Count;
        string? id = null;
        string? platform = null;
        string? platformId = null;
        string? handle = null;
        string? location = null;
        string? token = null;
        string? refreshToken = null;
        string? approvedBy = null;
        DateOnly? approvedOn = null;
        string? use = null;
        var read = ReadObject(element, path, AccountFields, AccountRequired, (field, value, fieldPath) =>
        {
            switch (field)
            {
                case "id":
                    id = UniqueSlug(value, fieldPath, _accountIdPaths, "account");
                    break;
                case "platform":
                    platform = Platform(value, fieldPath);
                    break;
                case "platformId":
                    platformId = PlatformId(value, fieldPath, element);
                    break;
                case "handle":
                    handle = Text(value, fieldPath);
                    break;
                case "location":
                    location = LocationReference(value, fieldPath);
                    break;
                case "token":
                    token = Token(value, fieldPath);
                    break;
                case "refreshToken":
                    refreshToken = Token(value, fieldPath);
                    break;
                case "approvedBy":
                    approvedBy = Email(value, fieldPath);
                    break;
                case "approvedOn":
                    approvedOn = Date(value, fieldPath);
                    break;
                case "use":
                    use = Use(value, fieldPath);
                    break;
            }
        });
        if (!read || _problems.Count > before || id is null || platform is null || platformId is null || location is null || token is null)
        {
            return null;
        }
        return new Account
        {
            Id = id,
            Platform = platform,
            PlatformId = platformId,
            Handle = handle,
            Location = location,
            Token = token,
            RefreshToken = refreshToken,
            ApprovedBy = approvedBy,
            ApprovedOn = approvedOn,
            Use = use,
        };
    }

    private string? Use(JsonElement value, string path)
    {
        var use = Text(value, path);
        if (use is null || AccountUses.All.Contains(use, StringComparer.Ordinal))
        {
            return use;
        }
        var closest = NearMiss.Closest(use, AccountUses.All);
        Add(path, $"Unknown use {Shown(use)}" + (closest is null ? "" : $"; did you mean '{closest}'?")
            + $" An account's use is {string.Join(" or ", AccountUses.All)} (left out: official).");
        return null;
    }

    private string? Platform(JsonElement value, string path)
    {
        var platform = Text(value, path);
        if (platform is null || PlatformNames.All.Contains(platform, StringComparer.Ordinal))
        {
            return platform;
        }
        var closest = NearMiss.Closest(platform, PlatformNames.All);
        Add(path, $"Unknown platform {Shown(platform)}"
            + (closest is null ? "" : $"; did you mean '{closest}'?")
            + $" The platforms are {string.Join(", ", PlatformNames.All)}.");
        return null;
    }

    /// <summary>The platform id in its platform's form; checked only when the account's platform is a known one.</summary>
    private string? PlatformId(JsonElement value, string path, JsonElement account)
    {
        var platformId = Text(value, path);
        if (platformId is null
            || !account.TryGetProperty("platform", out var platform)
            || platform.ValueKind != JsonValueKind.String
            || AccountsFilePatterns.PlatformIdForm(platform.GetString()!) is not { } form)
        {
            return platformId;
        }
        if (!form.Pattern.IsMatch(platformId))
        {
            Add(path, $"Must be {form.Form}; it is {Shown(platformId)}.");
        }
        return platformId;
    }

    private string? LocationReference(JsonElement value, string path)
    {
        var location = Text(value, path);
        if (location is null || _declaredLocationIds is null || _declaredLocationIds.Contains(location, StringComparer.Ordinal))
        {
            return location;
        }
        var closest = NearMiss.Closest(location, _declaredLocationIds);
        Add(path, $"Names no location: there is no location with id {Shown(location)}"
            + (closest is null ? "." : $"; did you mean '{closest}'?"));
        return null;
    }

    /// <summary>Never echoes the value: the field should hold a secret's name, but may hold the secret itself.</summary>
    private string? Token(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            Add(path, $"Must be a string naming a secret; it is {Describe(value.ValueKind)}.");
            return null;
        }
        var token = value.GetString()!;
        if (AccountsFilePatterns.LooksLikeToken(token))
        {
            Add(path, "Looks like a real access token (value not shown). The accounts file must name a secret and never hold one: "
                + "store the token as a setting or Key Vault secret, put that secret's name here, and revoke this token.");
            return null;
        }
        if (!AccountsFilePatterns.SecretName().IsMatch(token))
        {
            Add(path, "Must name a secret (value not shown): a letter or digit, then up to 126 letters, digits, '_' or '-'. "
                + "The accounts file must name a secret and never hold one.");
            return null;
        }
        return token;
    }

    private DateOnly? Date(JsonElement value, string path)
    {
        var text = Text(value, path);
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        Add(path, $"Must be a date written yyyy-MM-dd; it is {Shown(text)}.");
        return null;
    }

    private string? UniqueSlug(JsonElement value, string path, Dictionary<string, string> firstPaths, string kind)
    {
        var id = Text(value, path);
        if (id is null)
        {
            return null;
        }
        if (!AccountsFilePatterns.Slug().IsMatch(id))
        {
            Add(path, $"Must be a slug (lowercase letters and digits, in groups joined by single hyphens, e.g. post-falls); it is {Shown(id)}.");
            return null;
        }
        if (!firstPaths.TryAdd(id, path))
        {
            Add(path, $"Duplicate {kind} id '{id}': already used at {firstPaths[id]}.");
            return null;
        }
        return id;
    }

    private string? Email(JsonElement value, string path)
    {
        var email = Text(value, path);
        if (email is null || AccountsFilePatterns.Email().IsMatch(email))
        {
            return email;
        }
        Add(path, $"Must be an email address such as name@example.org; it is {Shown(email)}.");
        return null;
    }

    /// <summary>A non-empty string.</summary>
    private string? Text(JsonElement value, string path)
    {
        if (!Expect(value, JsonValueKind.String, path))
        {
            return null;
        }
        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            Add(path, "Must not be empty.");
            return null;
        }
        return text;
    }

    /// <summary>
    /// Checks that <paramref name="element"/> is an object with only <paramref name="known"/> fields, each once, and all
    /// <paramref name="required"/> ones; hands each known field to <paramref name="readField"/> in document order.
    /// </summary>
    private bool ReadObject(
        JsonElement element,
        string path,
        IReadOnlyList<string> known,
        IReadOnlyList<string> required,
        Action<string, JsonElement, string> readField)
    {
        if (!Expect(element, JsonValueKind.Object, path))
        {
            return false;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var fieldPath = Child(path, property.Name);
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                var closest = NearMiss.Closest(property.Name, known);
                Add(fieldPath, closest is null
                    ? $"Unknown field {Shown(property.Name)}; the fields here are {string.Join(", ", known)}."
                    : $"Unknown field {Shown(property.Name)}; did you mean '{closest}'?");
            }
            else if (!seen.Add(property.Name))
            {
                Add(fieldPath, $"Field '{property.Name}' appears more than once in this object.");
            }
            else
            {
                readField(property.Name, property.Value, fieldPath);
            }
        }
        foreach (var field in required)
        {
            if (!seen.Contains(field))
            {
                Add(Child(path, field), $"Required field '{field}' is missing.");
            }
        }
        return true;
    }

    private List<T>? ReadArray<T>(JsonElement element, string path, Func<JsonElement, string, T?> readItem)
        where T : class
    {
        if (!Expect(element, JsonValueKind.Array, path))
        {
            return null;
        }
        var items = new List<T>();
        var complete = true;
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var read = readItem(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]"));
            index++;
            if (read is null)
            {
                complete = false;
            }
            else
            {
                items.Add(read);
            }
        }
        return complete ? items : null;
    }

    private bool Expect(JsonElement value, JsonValueKind kind, string path)
    {
        if (value.ValueKind == kind)
        {
            return true;
        }
        Add(path, $"Must be {Describe(kind)}; it is {Describe(value.ValueKind)}.");
        return false;
    }

    private void Add(string path, string message) => _problems.Add(new AccountsFileProblem(path, message));

    /// <summary>The ids of the locations the file declares, for checking accounts wherever they stand; null when there is no list.</summary>
    private static List<string>? DeclaredLocationIds(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("locations", out var locations)
            || locations.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        return [.. locations.EnumerateArray()
            .Where(location => location.ValueKind == JsonValueKind.Object)
            .Select(location => location.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()! : null)
            .OfType<string>()];
    }

    private static string Child(string path, string name) =>
        AccountsFilePatterns.PlainFieldName().IsMatch(name)
            ? $"{path}.{name}"
            : $"{path}['{name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}']";

    /// <summary>A value quoted for a message, unless it looks like a secret.</summary>
    private static string Shown(string value) =>
        AccountsFilePatterns.LooksLikeToken(value) ? "a value that looks like a secret (not shown)" : $"'{value}'";

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
