# dbxsync in a container, for `dbxsync watch` (or scheduled `reconcile`): Node 24, non-root.
#   docker build -t dbxsync .
#   docker run --rm -v "$PWD/desired-state:/work/desired-state:ro" \
#     -e OKTA_ORG_URL -e OKTA_API_TOKEN -e DROPBOX_TEAM_TOKEN dbxsync watch --dir /work/desired-state
FROM node:24-slim AS build
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build --silent && npm prune --omit=dev

FROM node:24-slim
ENV NODE_ENV=production
WORKDIR /opt/dbxsync
COPY --from=build /build/package.json ./
COPY --from=build /build/node_modules ./node_modules
COPY --from=build /build/dist/src ./dist/src
COPY --from=build /build/schemas ./schemas
COPY --from=build /build/templates ./templates
RUN ln -s /opt/dbxsync/dist/src/cli/main.js /usr/local/bin/dbxsync && chmod +x dist/src/cli/main.js
# The image's own unprivileged user (uid 1000); the desired state is mounted read-only at /work,
# and the audit log (.dbxsync/audit/) is written to /work/.dbxsync, owned by node (mount a volume there).
RUN mkdir -p /work/.dbxsync && chown -R node:node /work
USER node
WORKDIR /work
ENTRYPOINT ["dbxsync"]
CMD ["--help"]
