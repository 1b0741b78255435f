package org.bridgeway.care.upload;

/**
 * One error of an uploaded file.
 *
 * @param row the row as a spreadsheet numbers it (the header is row 1); 0 for the file as a whole
 * @param column the column's name in the header, or null for the whole row or file
 * @param code a stable code a client can act on ({@code UnknownEpisode}, {@code Future}...)
 * @param message what is wrong, in words; never repeats a cell's text
 */
public record UploadError(int row, String column, String code, String message) {}
