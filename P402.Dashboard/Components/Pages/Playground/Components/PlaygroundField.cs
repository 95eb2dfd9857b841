namespace P402.Dashboard.Components.Pages.Playground.Components;

/// <summary>One labelled value of a timeline step; <paramref name="Code"/> values (hashes, headers) are set in monospace.</summary>
public sealed record PlaygroundField(string Label, string Value, bool Code = false);
