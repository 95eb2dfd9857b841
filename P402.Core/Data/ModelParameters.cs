using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace P402.Core.Data;

/// <summary>Parameters for hand-written SQL, typed by the EF model's mapping of a property, so that each provider gets its own type.</summary>
internal static class ModelParameters
{
    public static DbParameter Add<TEntity>(this DbCommand command, DbContext db, string property, string name)
    {
        var type = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not mapped.");
        var mapping = (RelationalTypeMapping)(type.FindProperty(property) ?? throw new InvalidOperationException($"{typeof(TEntity).Name}.{property} is not mapped."))
            .GetRelationalTypeMapping();
        var parameter = mapping.CreateParameter(command, name, null, nullable: false);
        command.Parameters.Add(parameter);
        return parameter;
    }
}
