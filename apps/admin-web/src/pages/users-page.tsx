import {
  useT,
  EmptyState,
  SelectField,
  StatusMessage,
  useAsync,
  type AdminUser,
  type Page,
} from '@arogyam/ui';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PagedTable } from '../components/paged-table';
import { UserRow } from '../components/user-row';
import { UserSearchBox } from '../components/user-search-box';
import { api } from '../session';
import {
  ROLE_OPTIONS,
  STATUS_OPTIONS,
  paramsForUsers,
  roleFilter,
  statusFilter,
  userFiltersFrom,
  type UserFilters,
} from '../user-filters';

export function UsersPage() {
  const t = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = userFiltersFrom(searchParams);
  const [announcement, setAnnouncement] = useState('');

  const users = useAsync(
    async (signal) =>
      api.get<Page<AdminUser>>('/admin/users', {
        query: { q: filters.q || undefined, role: filters.role, status: filters.status, page: filters.page },
        signal,
      }),
    [searchParams.toString()],
  );

  const show = (next: UserFilters) => setSearchParams(paramsForUsers(next));
  const search = useCallback(
    (q: string) => setSearchParams((current) => paramsForUsers({ ...userFiltersFrom(current), q, page: 1 })),
    [setSearchParams],
  );

  // Reload rather than patch the row: the server's answer is the account's real state.
  const accountChanged = (message: string) => {
    setAnnouncement(message);
    users.reload();
  };

  return (
    <>
      <title>{t('Users · Arogyam Admin')}</title>
      <h1>{t('Users')}</h1>
      <div className="filters">
        <UserSearchBox value={filters.q} onSearch={search} />
        <SelectField
          label={t('Role')}
          name="role"
          options={ROLE_OPTIONS}
          value={filters.role}
          onChange={(event) => show({ ...filters, role: roleFilter(event.target.value), page: 1 })}
        />
        <SelectField
          label={t('Status')}
          name="status"
          options={STATUS_OPTIONS}
          value={filters.status}
          onChange={(event) => show({ ...filters, status: statusFilter(event.target.value), page: 1 })}
        />
      </div>
      <StatusMessage message={announcement} />
      <PagedTable
        state={users}
        loadingLabel={t('Loading users…')}
        errorTitle={t('We could not load users')}
        empty={
          <EmptyState
            title={
              filters.q ? t('No users match “{{q}}”.', { q: filters.q }) : t('No users match these filters.')
            }
          />
        }
        onPageChange={(page) => show({ ...filters, page })}
        label={t('Users')}
        caption="Users"
        headings={[t('Name'), t('Email'), t('Role'), t('Status'), t('Joined'), t('Actions')]}
      >
        {(items) => items.map((user) => <UserRow key={user.id} user={user} onChanged={accountChanged} />)}
      </PagedTable>
    </>
  );
}
