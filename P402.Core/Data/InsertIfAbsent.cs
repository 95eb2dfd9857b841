using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace P402.Core.Data;

/// <summary>
/// <c>INSERT … ON CONFLICT DO NOTHING</c> for one entity, built from the EF model: a row that loses a
/// race on a unique index is simply not inserted, instead of failing a command that EF then logs as an
/// error. Both SQLite and PostgreSQL speak this syntax.
/// </summary>
internal static class InsertIfAbsent
{
    /// <summary>True when the row was inserted; false when a unique index already held its key. For entities without shadow properties.</summary>
    public static async Task<bool> TryInsertAsync<TEntity>(this P402DbContext db, TEntity entity, CancellationToken cancellationToken)
        where TEntity : class
    {
        var type = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        using var command = db.Database.GetDbConnection().CreateCommand(); // only to create the provider's parameters; EF runs the statement
        var columns = new List<string>();
        var parameters = new List<DbParameter>();
        foreach (var property in type.GetProperties())
        {
            var name = $"p{parameters.Count}";
            var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
            columns.Add(sql.DelimitIdentifier(property.GetColumnName(table)!));
            parameters.Add(mapping.CreateParameter(command, sql.GenerateParameterName(name), property.GetGetter().GetClrValue(entity), property.IsNullable));
        }
        var insert = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns)}) "
            + $"VALUES ({string.Join(", ", parameters.Select(p => p.ParameterName))}) ON CONFLICT DO NOTHING";
        return await db.Database.ExecuteSqlRawAsync(insert, parameters, cancellationToken) == 1;
    }
}
