namespace P402.Dashboard.Components.Pages.Playground.Components;

/// <summary>
/// One entry of the playground's timeline: what happened (<paramref name="Title"/>), why it matters
/// (<paramref name="Summary"/>) and the values that show it. <paramref name="Kind"/> names the step for tests
/// (<c>data-testid="step-{Kind}"</c>): payment-required, signed, paid, settled, receipt, reused, refused, revoked, failed.
/// </summary>
public sealed record PlaygroundStep(string Kind, string Title, string Summary, PlaygroundStepTone Tone, DateTimeOffset At)
{
    public IReadOnlyList<PlaygroundField> Fields { get; init; } = [];

    /// <summary>A response body worth showing (pretty-printed JSON when it is JSON).</summary>
    public string? Body { get; init; }
}
