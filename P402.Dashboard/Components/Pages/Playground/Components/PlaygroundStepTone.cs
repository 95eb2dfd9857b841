namespace P402.Dashboard.Components.Pages.Playground.Components;

/// <summary>How a timeline step went, which decides its colour and icon.</summary>
public enum PlaygroundStepTone
{
    Info,
    Success,
    Warning,
    Error,
}
