namespace P402.Core.ApiKeys;

/// <summary>The one rule for a key's name, applied by <see cref="ApiKeyService.CreateAsync"/> and shown by the dashboard as the person types.</summary>
public static class ApiKeyName
{
    public const int MaxLength = 100;

    /// <summary>Why <paramref name="name"/> cannot name a key, or null when it can. Names are never cut to fit.</summary>
    public static string? Problem(string? name)
    {
        var length = name?.Trim().Length ?? 0;
        return length switch
        {
            0 => "Give the key a name.",
            > MaxLength => $"The name is {length} characters long; a key name can have at most {MaxLength}.",
            _ => null,
        };
    }
}
