using Microsoft.AspNetCore.Http.HttpResults;

namespace P402.Dashboard.Docs;

/// <summary>
/// The repository's guides (<c>docs/*.md</c>, copied beside the binaries at build), served as Markdown text at
/// <c>/docs/…</c> so that the dashboard can link to them from a machine without internet.
/// </summary>
internal static class DocsEndpoints
{
    public const string MerchantQuickstart = "/docs/merchant-quickstart.md";
    public const string SdkQuickstart = "/docs/sdk-quickstart.md";

    private static readonly string[] Served = ["merchant-quickstart.md", "sdk-quickstart.md"];

    public static IEndpointRouteBuilder MapP402Docs(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/docs/{file}", Get).WithName("Docs").WithSummary("A guide from the repository's docs folder, as Markdown.").ExcludeFromDescription();
        return endpoints;
    }

    public static Results<PhysicalFileHttpResult, NotFound> Get(string file)
    {
        var name = Array.Find(Served, served => string.Equals(served, file, StringComparison.OrdinalIgnoreCase));
        var path = name is null ? null : Path.Combine(AppContext.BaseDirectory, "docs", name);
        return path is not null && File.Exists(path)
            ? TypedResults.PhysicalFile(path, "text/markdown; charset=utf-8")
            : TypedResults.NotFound();
    }
}
