using P402.Core.Common;

namespace P402.Dashboard.Api;

/// <summary>
/// Gives every request a <c>req_…</c> id: in the <c>Request-Id</c> header, in every JSON answer and
/// in the log scope, so that a merchant's report of a failure leads straight to its log lines.
/// </summary>
internal static class RequestIds
{
    public const string HeaderName = "Request-Id";
    private const string ItemKey = "p402.requestId";

    public static string GetRequestId(this HttpContext context) =>
        context.Items[ItemKey] as string ?? Assign(context);

    public static IApplicationBuilder UseRequestIds(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var id = Assign(context);
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("P402.Requests");
            using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = id }))
            {
                await next(context);
            }
        });

    private static string Assign(HttpContext context)
    {
        if (context.Items[ItemKey] is string existing)
        {
            return existing;
        }
        var id = Ids.New("req_", context.RequestServices.GetRequiredService<TimeProvider>());
        context.Items[ItemKey] = id;
        context.Response.Headers[HeaderName] = id;
        return id;
    }
}
