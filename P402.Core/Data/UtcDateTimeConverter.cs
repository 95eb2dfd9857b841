using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace P402.Core.Data;

/// <summary>Reads every stored time back as <see cref="DateTimeKind.Utc"/>.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
