/**
 * Hadoop's local file system ({@code file:} paths) without a process per file: Hadoop's own {@link
 * org.apache.hadoop.fs.RawLocalFileSystem}, which, without Hadoop's native library (no Maven
 * artifact carries it), starts a {@code chmod} process for every file and folder it creates and a
 * {@code readlink} process for both ends of every rename through Hadoop's {@code FileContext}
 * (Delta's commit of each table version). {@link
 * org.ruralstats.localfs.ProcessFreeRawLocalFileSystem} does those two things with {@code
 * java.nio.file}; {@link org.ruralstats.localfs.ProcessFreeLocalFileSystem} ({@code fs.file.impl})
 * and {@link org.ruralstats.localfs.ProcessFreeLocalFs} ({@code fs.AbstractFileSystem.file.impl})
 * put it under Hadoop's checksummed local file systems, exactly as Hadoop's own {@code
 * LocalFileSystem} and {@code LocalFs} do. {@link org.ruralstats.config.SparkSessions} names them
 * in local mode, unless the launcher set those keys.
 */
package org.ruralstats.localfs;
