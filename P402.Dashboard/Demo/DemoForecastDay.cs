namespace P402.Dashboard.Demo;

/// <summary>One day of the demo forecast; temperatures in degrees Celsius.</summary>
internal sealed record DemoForecastDay(DateOnly Date, string Summary, int HighC, int LowC);
