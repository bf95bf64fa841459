from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User


@pytest.fixture
def user_in(db):
    def make(group_name: str) -> User:
        user = User.objects.create_user(username=group_name.lower(), password="x")
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.fixture
def client_for(client, user_in):
    def login(group_name: str):
        client.force_login(user_in(group_name))
        return client

    return login
