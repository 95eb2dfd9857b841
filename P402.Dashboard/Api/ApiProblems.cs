using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace P402.Dashboard.Api;

/// <summary>RFC 9457 problem answers, each carrying the request id.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult BadRequest(HttpContext context, string detail, IDictionary<string, object?>? extensions = null) =>
        Problem(context, StatusCodes.Status400BadRequest, "The request is malformed.", detail, extensions);

    public static ProblemHttpResult NotFound(HttpContext context, string detail) =>
        Problem(context, StatusCodes.Status404NotFound, "Not found.", detail);

    public static ProblemHttpResult Problem(HttpContext context, int status, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = detail,
            Type = $"https://p402.dev/problems/{status}",
            Instance = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path,
        };
        problem.Extensions["requestId"] = context.GetRequestId();
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }
        return TypedResults.Problem(problem);
    }

    /// <summary>Adds the request id to problems ASP.NET Core writes itself (401, 404 routes, model binding).</summary>
    public static void Customize(ProblemDetailsContext context) =>
        context.ProblemDetails.Extensions["requestId"] = context.HttpContext.GetRequestId();
}
