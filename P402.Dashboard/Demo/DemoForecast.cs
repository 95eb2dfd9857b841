namespace P402.Dashboard.Demo;

/// <summary>What the demo endpoint sells: a made-up but stable three-day forecast for a city.</summary>
internal sealed record DemoForecast(string City, IReadOnlyList<DemoForecastDay> Days)
{
    private static readonly string[] Summaries = ["Sunny", "Partly cloudy", "Cloudy", "Light rain", "Showers", "Windy", "Fog"];

    public static DemoForecast For(string city, DateOnly today)
    {
        var days = new List<DemoForecastDay>(3);
        for (var day = 1; day <= 3; day++)
        {
            var value = Hash(city, day);
            var high = 8 + (int)(value % 22);
            days.Add(new DemoForecastDay(today.AddDays(day), Summaries[(value >> 8) % (uint)Summaries.Length], high, high - 4 - (int)((value >> 16) % 7)));
        }
        return new DemoForecast(city, days);
    }

    // FNV-1a over the upper-cased name and the day: the same city gets the same weather in every process.
    private static uint Hash(string city, int day)
    {
        var hash = 2166136261u;
        foreach (var c in $"{city.ToUpperInvariant()}#{day}")
        {
            hash = (hash ^ c) * 16777619u;
        }
        return hash ^ (hash >> 13);
    }
}
