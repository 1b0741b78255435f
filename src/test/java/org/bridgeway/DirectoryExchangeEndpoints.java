package org.bridgeway;

import static org.bridgeway.AuthorizationMatrixTests.EVERY_ROLE;
import static org.bridgeway.AuthorizationMatrixTests.api;
import static org.bridgeway.AuthorizationMatrixTests.get;
import static org.bridgeway.AuthorizationMatrixTests.web;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.AuthorizationMatrixTests.Scope;
import org.bridgeway.identity.Role;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockMultipartHttpServletRequest;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/** The authorization matrix rows of HSDS import and export pages and API. */
final class DirectoryExchangeEndpoints {

  /** Network administrators and community coordinators curate the directory. */
  static final Set<Role> CURATORS = EnumSet.of(Role.NETWORK_ADMIN, Role.COMMUNITY_COORDINATOR);

  /** An import job every row that needs one reads; imports are visible network-wide. */
  static final UUID MATRIX_JOB = UUID.nameUUIDFromBytes("matrix-import-job".getBytes());

  private DirectoryExchangeEndpoints() {}

  static void register() {
    web(
        HttpMethod.GET,
        "/directory/imports",
        CURATORS,
        Scope.NETWORK,
        200,
        t -> get("/directory/imports"));
    web(
        HttpMethod.POST,
        "/directory/imports",
        CURATORS,
        Scope.NETWORK,
        302,
        t ->
            MockMvcRequestBuilders.post("/directory/imports")
                .with(
                    multipart(
                        new MockMultipartFile(
                            "files", "organization.json", "application/json", organization())))
                .with(csrf()));
    web(
        HttpMethod.GET,
        "/directory/imports/{id}",
        CURATORS,
        Scope.NETWORK,
        200,
        t -> get("/directory/imports/" + MATRIX_JOB).with(withMatrixJob()));
    web(
        HttpMethod.GET,
        "/directory/imports/{id}/progress",
        CURATORS,
        Scope.NETWORK,
        200,
        t -> get("/directory/imports/" + MATRIX_JOB + "/progress").with(withMatrixJob()));
    web(
        HttpMethod.GET,
        "/directory/export",
        EVERY_ROLE,
        Scope.NETWORK,
        200,
        t -> get("/directory/export"));
    web(
        HttpMethod.GET,
        "/directory/export.json",
        EVERY_ROLE,
        Scope.NETWORK,
        200,
        t -> get("/directory/export.json").param("organization", UUID.randomUUID().toString()));
    web(
        HttpMethod.GET,
        "/directory/export.zip",
        EVERY_ROLE,
        Scope.NETWORK,
        200,
        t -> get("/directory/export.zip").param("organization", UUID.randomUUID().toString()));
    api(
        HttpMethod.POST,
        "/api/v1/directory/imports",
        CURATORS,
        Scope.NETWORK,
        202,
        t ->
            MockMvcRequestBuilders.post("/api/v1/directory/imports")
                .contentType(MediaType.APPLICATION_JSON)
                .content(organization()));
    api(
        HttpMethod.GET,
        "/api/v1/directory/imports/{id}",
        CURATORS,
        Scope.NETWORK,
        200,
        t -> get("/api/v1/directory/imports/" + MATRIX_JOB).with(withMatrixJob()));
    api(
        HttpMethod.GET,
        "/api/v1/directory/export",
        EVERY_ROLE,
        Scope.NETWORK,
        200,
        t ->
            get("/api/v1/directory/export")
                .param("format", "csv")
                .param("organization", UUID.randomUUID().toString()));
  }

  private static byte[] organization() {
    return ("{\"id\": \""
            + UUID.randomUUID()
            + "\", \"name\": \"Matrix organization\", \"description\": \"For the matrix\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The request as a multipart upload of one file. The matrix's rows are built as plain requests,
   * so the upload is put in here, before the matrix adds the caller.
   */
  static RequestPostProcessor multipart(MockMultipartFile file) {
    return request -> {
      MockMultipartHttpServletRequest upload =
          new MockMultipartHttpServletRequest(request.getServletContext());
      upload.setMethod(request.getMethod());
      upload.setRequestURI(request.getRequestURI());
      upload.setServletPath(request.getServletPath());
      upload.setPathInfo(request.getPathInfo());
      upload.setContextPath(request.getContextPath());
      upload.setScheme(request.getScheme());
      upload.setServerName(request.getServerName());
      upload.setServerPort(request.getServerPort());
      upload.setContentType("multipart/form-data; boundary=matrix");
      upload.addFile(file);
      return upload;
    };
  }

  /** Makes sure the matrix's import job exists before the request runs. */
  private static RequestPostProcessor withMatrixJob() {
    return request -> {
      WebApplicationContext context =
          WebApplicationContextUtils.getRequiredWebApplicationContext(request.getServletContext());
      context
          .getBean(JdbcClient.class)
          .sql(
              "INSERT INTO directory_import_job (id, status, file_name, payload_size,"
                  + " requested_by, requested_by_name, organization_id, created_at)"
                  + " VALUES (?, 'SUCCEEDED', 'matrix.json', 0, 'system', 'Matrix', ?, now())"
                  + " ON CONFLICT (id) DO NOTHING")
          .params(MATRIX_JOB, UUID.randomUUID())
          .update();
      return request;
    };
  }
}
