using System.Text.Json;

namespace P402.Merchant;

/// <summary>An RFC 9457 problem+json body as P402 sends it.</summary>
internal sealed record P402Problem
{
    public string? Type { get; init; }

    public string? Title { get; init; }

    public int? Status { get; init; }

    public string? Detail { get; init; }

    public string? RequestId { get; init; }

    public JsonElement? Errors { get; init; }
}
