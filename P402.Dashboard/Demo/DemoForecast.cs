namespace P402.Dashboard.Demo;

/// <summary>What the demo endpoint sells: a made-up but stable three-day forecast for a city.</summary>
internal sealed record DemoForecast(string City, IReadOnlyList<DemoForecastDay> Days)
{
    private static readonly string[] Summaries = ["Sunny", "Partly cloudy", "Cloudy", "Light rain", "Showers", "Windy", "Fog"];

    public static DemoForecast For(string city, DateOnly today)
    {
        // FNV-1a over the upper-cased name: the same city gets the same weather in every process.
        var seed = 2166136261u;
        foreach (var c in city.ToUpperInvariant())
        {
            seed = (seed ^ c) * 16777619u;
        }
        var days = new List<DemoForecastDay>(3);
        for (var day = 1; day <= 3; day++)
        {
            var value = seed ^ (uint)(day * 0x9E3779B9);
            var high = 8 + (int)(value % 22);
            days.Add(new DemoForecastDay(today.AddDays(day), Summaries[(value >> 8) % (uint)Summaries.Length], high, high - 4 - (int)((value >> 16) % 7)));
        }
        return new DemoForecast(city, days);
    }
}
